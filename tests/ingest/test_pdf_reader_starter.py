"""Reading processes forked by the warm starter: one fresh process per file, the same limits, no strays."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from styrgraf.ingest.formats import pdf, pdf_reader, pdf_warm_up
from styrgraf.ingest.formats.pdf_reader_starter import Starter
from styrgraf.ingest.limits import ReadLimits
from styrgraf.ingest.sources import open_source
from tests.ingest import badfiles

ROOT = Path(__file__).resolve().parents[2]


def _read(path: Path) -> tuple[dict, int, int]:
    """The answer of one reading process forked by the module's starter, its pid and its parent's."""
    child = pdf._STARTER.start([str(path), json.dumps(ReadLimits().to_dict())])  # noqa: SLF001
    parent = psutil.Process(_pid(child)).ppid()
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    return json.loads(out), child.pid, parent


def _pid(child) -> int:
    """The reading process's pid: the starter sends it as soon as it has forked."""
    while child.pid is None:
        child._take(child._status.fileno())  # noqa: SLF001
    return child.pid


def test_each_file_is_read_by_a_new_fork_of_one_starter(tmp_path):
    path = badfiles.good_pdf(tmp_path)
    first, first_pid, first_parent = _read(path)
    second, second_pid, second_parent = _read(path)
    assert first == second and first["pages"][0][0] == "2012-02-22 KS 2011/0456"
    assert first_pid != second_pid
    assert first_parent == second_parent != os.getpid()
    assert "--serve" in psutil.Process(first_parent).cmdline()
    assert not psutil.pid_exists(first_pid) or psutil.Process(first_pid).status() == psutil.STATUS_ZOMBIE


def test_a_starter_that_ended_is_replaced(tmp_path):
    path = badfiles.good_pdf(tmp_path)
    _, _, starter = _read(path)
    os.kill(starter, signal.SIGKILL)
    pdf._STARTER._process.wait(timeout=10)  # noqa: SLF001 - reaped, as the next read would find it ended
    assert open_source(path).page_count == 3
    _, _, again = _read(path)
    assert again != starter


def test_a_killed_reading_process_is_reported_as_killed(tmp_path):
    child = pdf._STARTER.start([str(badfiles.good_pdf(tmp_path)), json.dumps(ReadLimits().to_dict())])  # noqa: SLF001
    os.kill(_pid(child), signal.SIGSTOP)  # stopped before it can answer
    child.kill()
    out, _ = child.communicate(timeout=30)
    assert out == b"" and child.returncode == -signal.SIGKILL


def test_the_starter_ends_with_its_parent(tmp_path):
    script = ("import sys; from pathlib import Path; from styrgraf.ingest.sources import open_source; "
              "from styrgraf.ingest.formats import pdf; open_source(Path(sys.argv[1])); "
              "print(pdf._STARTER._process.pid)")
    done = subprocess.run([sys.executable, "-c", script, str(badfiles.good_pdf(tmp_path))],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, check=True)
    starter = int(done.stdout.split()[-1])
    try:
        psutil.Process(starter).wait(timeout=10)
    except psutil.NoSuchProcess:
        pass
    assert not psutil.pid_exists(starter)


# A starter whose reading processes tell whether it had warmed up before it forked them.
_TELLING_STARTER = """
import sys
from pathlib import Path
from styrgraf.ingest.formats.pdf_reader_starter import serve
warmed = []
def warm_up():
    warmed.append(True)
    Path({marker!r}).touch()
    if {fails!r}:
        raise RuntimeError("the warm-up failed")
def read_file(argv):
    sys.stdout.write("warm" if warmed else "cold")
serve(int(sys.argv[2]), read_file, warm_up)
"""


@pytest.mark.parametrize("fails", [False, True], ids=["warm-up", "failing-warm-up"])
def test_the_starter_warms_up_once_no_file_waits(tmp_path, fails):
    marker = tmp_path / "warmed"
    starter = Starter([sys.executable, "-c", _TELLING_STARTER.format(marker=str(marker), fails=fails)])
    try:
        first = starter.start(["plan.pdf"])  # sent as the starter starts: forked before the warm-up
        assert first.communicate(timeout=60) == (b"cold", b"") and first.returncode == 0
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert marker.exists()
        second = starter.start(["plan.pdf"])
        assert second.communicate(timeout=60)[0] == b"warm" and second.returncode == 0
    finally:
        starter._stop()  # noqa: SLF001


def test_the_warm_up_document_is_read_by_the_reading_code():
    assert pdf_reader.read_document(Path("warm-up.pdf"), pdf_warm_up.document(), ReadLimits()) == [pdf_warm_up.LINES]


def _spare_of(starter: Starter) -> psutil.Process:
    """The spare the starter forks once idle: its one child, waiting for a file."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = psutil.Process(starter._process.pid).children()  # noqa: SLF001
        if len(children) == 1:
            return children[0]
        time.sleep(0.01)
    raise AssertionError("the starter forked no spare")


def test_a_file_goes_to_the_spare_forked_before_it_was_asked_for(tmp_path):
    path = badfiles.good_pdf(tmp_path)
    starter = Starter(list(pdf._READER))  # noqa: SLF001
    try:
        args = [str(path), json.dumps(ReadLimits().to_dict())]
        first = starter.start(args)
        assert first.communicate(timeout=60)[1] == b"" and first.returncode == 0
        spare = _spare_of(starter)
        time.sleep(0.5)  # warm by now: a spare that is not yet is passed over, and the file forked anew
        second = starter.start(args)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert second.pid == spare.pid != first.pid
        assert json.loads(out)["pages"][0][0] == "2012-02-22 KS 2011/0456"
    finally:
        starter._stop()  # noqa: SLF001


def test_a_spare_ends_with_its_starter(tmp_path):
    path = badfiles.good_pdf(tmp_path)
    starter = Starter(list(pdf._READER))  # noqa: SLF001
    child = starter.start([str(path), json.dumps(ReadLimits().to_dict())])
    child.communicate(timeout=60)
    spare = _spare_of(starter)
    starter._process.kill()  # noqa: SLF001 - killed, so it cannot end its spare itself
    starter._process.wait(timeout=10)  # noqa: SLF001
    try:
        spare.wait(timeout=10)
    except psutil.NoSuchProcess:
        pass
    assert not psutil.pid_exists(spare.pid) or spare.status() == psutil.STATUS_ZOMBIE
    starter._stop()  # noqa: SLF001


def test_reading_made_ready_ahead_starts_the_starter_that_the_first_file_then_uses(tmp_path, monkeypatch):
    from styrgraf.ingest import pipeline

    fresh = Starter(list(pdf._READER))  # noqa: SLF001
    monkeypatch.setattr(pdf, "_STARTER", fresh)
    try:
        pipeline.prepare_reading([tmp_path / "plan.txt"])  # no PDF among the files: nothing started
        assert fresh._process is None  # noqa: SLF001
        pipeline.prepare_reading([tmp_path / "plan.txt", tmp_path / "PLAN.PDF"])
        started = fresh._process  # noqa: SLF001
        assert started is not None and started.poll() is None
        assert "--serve" in psutil.Process(started.pid).cmdline()
        _answer, _pid_, parent = _read(badfiles.good_pdf(tmp_path))
        assert parent == started.pid  # the first file was forked by the starter made ready ahead
        pipeline.prepare_reading()  # already running: the same one
        assert fresh._process is started  # noqa: SLF001
    finally:
        fresh._stop()  # noqa: SLF001
