"""``python -m numberhub.cli``."""

from numberhub.cli import main

main()
