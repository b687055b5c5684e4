"""Settings, including the Your data group."""
