"""Evaluation of the generator: gold annotations (`tests/gold/`) and the mechanical line audit.

Pure metric functions over dicts (`metrics`, `claims`, `report.evaluate`), the line audit of
../shared/audit/page_audit.py reproduced (`line_audit`), references into the shared corpus
(`references`), the I/O around them (`run`), and `python -m evaluation` to print every figure per
event. The generator never imports this.
"""

from .report import evaluate, format_table, values
from .run import evaluate_gold, load_gold

__all__ = ["evaluate", "evaluate_gold", "format_table", "load_gold", "values"]
