"""The `styrgraf` command's entry point.

Ctrl-C ends the command at any moment, while its modules are still being imported too, with the
shell's exit status for an interrupt (130), one line that says so and no traceback: the
interrupt is the user's answer, not an error of the program's.
"""
from __future__ import annotations

import sys

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command ended by Ctrl-C
_SAID = {"sv": "Avbrutet.", "en": "Interrupted."}


def main() -> None:
    try:
        from styrgraf.api.cli.main import app

        app()
    except KeyboardInterrupt:  # during the imports
        _interrupted()
    except SystemExit as ending:
        if ending.code == INTERRUPTED:  # typer's ending of a command interrupted
            _interrupted()
        raise


def _interrupted() -> None:
    sys.stderr.write(f"{_SAID[_language()]}\n")
    sys.exit(INTERRUPTED)


def _language() -> str:
    try:  # the interrupt may have come while this very module was imported
        from styrgraf.api.cli.messages import help_lang

        return help_lang()
    except Exception:  # noqa: BLE001 - Swedish, the default
        return "sv"
