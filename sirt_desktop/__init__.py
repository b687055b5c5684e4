"""SIRT Desktop: offline help for people with NETs in the liver."""

__version__ = "0.1.0"
APP_NAME = "SIRT Desktop"
APP_ID = "uk.org.sirtdesktop.SirtDesktop"
