"""Key quotes: the same quotation across sources as one cited quote, speakers canonical."""
