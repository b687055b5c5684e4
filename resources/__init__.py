"""Shipped resources (content, data, fonts, icons). Installed as ``sirt_desktop.resources``."""
