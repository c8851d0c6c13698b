"""``python -m numberhub``: the ``numberhub`` command."""

from numberhub.cli import main

main(prog_name="numberhub")
