"""All of SIRT Desktop's logic. Nothing in this package imports Qt (a test enforces it)."""
