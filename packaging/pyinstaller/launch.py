"""The frozen app's entry point: the same ``main`` as the ``sirt-desktop`` command."""

import sys

from sirt_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
