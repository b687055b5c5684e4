"""Widgets and dialogs shared by two or more sections."""
