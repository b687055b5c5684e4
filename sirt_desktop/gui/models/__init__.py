"""Qt item models over the core repositories."""
