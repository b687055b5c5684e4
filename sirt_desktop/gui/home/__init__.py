"""The Home section."""
