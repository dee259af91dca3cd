"""Quotations in one parsed article, each with its speaker as the article names them."""
