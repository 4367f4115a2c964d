"""Ctrl-C: the command ends with exit status 130 and one line that says so, no traceback (of its
own or of its PDF reading processes), and the store stays readable."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import psutil
import pytest

from styrgraf.api.cli import launch

ROOT = Path(__file__).resolve().parents[2]
SEED_PDF = ROOT / "corpus" / "halmstad-projektplan-2012.pdf"


def _pdfs(folder: Path, n: int) -> Path:
    folder.mkdir()
    seed = SEED_PDF.read_bytes()
    for i in range(n):  # bytes after %%EOF: each file its own, read anew
        (folder / f"plan-{i:02}.pdf").write_bytes(seed + f"\n% copy {i}\n".encode("ascii"))
    return folder


def _reading_processes(pid: int) -> list[psutil.Process]:
    try:
        return [p for p in psutil.Process(pid).children(recursive=True)
                if "styrgraf.ingest.formats.pdf_reader" in " ".join(p.cmdline())]
    except psutil.Error:
        return []


@pytest.mark.parametrize("lang, said", [("sv", "Avbrutet."), ("en", "Interrupted.")])
def test_ctrl_c_during_an_ingest_ends_it_quietly_and_keeps_the_store(tmp_path, lang, said):
    folder, store = _pdfs(tmp_path / "in", 30), tmp_path / "store"
    env = dict(os.environ)
    command = [sys.executable, "-m", "styrgraf.api.cli", "ingest", str(folder), "--store", str(store), "--lang", lang]
    # A session of its own: Ctrl-C in a terminal reaches the whole process group, as here.
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    readers: list[psutil.Process] = []
    while not (readers and store.exists()) and process.poll() is None and time.monotonic() < deadline:
        readers = readers or _reading_processes(process.pid)
        time.sleep(0.05)
    assert readers and store.exists(), "the ingest neither read a PDF nor opened its store"
    os.killpg(process.pid, signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    text = err.decode("utf-8")
    assert process.returncode == 130, text
    assert "Traceback" not in text and "KeyboardInterrupt" not in text
    assert text.rstrip().splitlines()[-1] == said
    gone, alive = psutil.wait_procs(readers, timeout=20)
    assert not alive
    listed = subprocess.run([sys.executable, "-m", "styrgraf.api.cli", "documents", "--store", str(store), "--json"],
                            cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert listed.returncode == 0, listed.stderr.decode("utf-8")


def _fake_cli(monkeypatch, app) -> None:
    monkeypatch.setitem(sys.modules, "styrgraf.api.cli.main", types.SimpleNamespace(app=app))


def _raising(error: BaseException):
    def app() -> None:
        raise error
    return app


@pytest.mark.parametrize("error", [KeyboardInterrupt(), SystemExit(130)])
def test_an_interrupt_anywhere_is_exit_130_with_one_line(monkeypatch, capsys, error):
    monkeypatch.delenv("STYRGRAF_LANG", raising=False)
    monkeypatch.setattr(sys, "argv", ["styrgraf", "ingest", "--lang", "en"])
    _fake_cli(monkeypatch, _raising(error))
    with pytest.raises(SystemExit) as ended:
        launch.main()
    assert ended.value.code == 130 and capsys.readouterr().err == "Interrupted.\n"


def test_other_endings_pass_through_unsaid(monkeypatch, capsys):
    _fake_cli(monkeypatch, _raising(SystemExit(2)))
    with pytest.raises(SystemExit) as ended:
        launch.main()
    assert ended.value.code == 2 and capsys.readouterr().err == ""
