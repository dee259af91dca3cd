"""Evaluation of the generator against human gold annotations (`tests/gold/`).

Pure metric functions over dicts (`metrics`, `report.evaluate`), the I/O around them
(`run`), and `python -m evaluation` to print every figure. The generator never imports this.
"""

from .report import evaluate, format_table, values
from .run import evaluate_gold, load_gold

__all__ = ["evaluate", "evaluate_gold", "format_table", "load_gold", "values"]
