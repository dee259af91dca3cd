"""Actor mentions in one parsed article: name spans and the words that describe them."""
