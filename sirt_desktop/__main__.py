"""``python -m sirt_desktop`` runs the same entry point as ``sirt-desktop``."""

import sys

from sirt_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
