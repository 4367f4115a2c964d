"""Starting reading processes warm: a process that has imported the PDF libraries forks one per file.

A reading process of its own per file is what bounds a hostile PDF (`pdf_reader`), but a new
Python process spends some 0.2 s importing PDFium and pdfminer before it reads a page: ten times
what reading an 18-page plan takes. So one starter process (`python -m
styrgraf.ingest.formats.pdf_reader --serve FD`) imports them once and forks a reading process for
each file; the fork is the same fresh process with the same limits (`pdf_reader.main` sets them in
the fork), the starter itself never reads a file.

The parent sends a request over a Unix socket: the file and its limits, and three descriptors, the
reading process's stdout and stderr and a status socket. On the status socket the starter answers
the reading process's pid, and its exit code (as `subprocess` gives it: negative for a signal)
once the process has ended. The starter ends when the parent does (its socket closes).
"""
from __future__ import annotations

import gc
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback

_REQUEST_BYTES = 1 << 16
_DESCRIPTORS = 3  # stdout, stderr, status


def serve(channel_fd: int, read_file, warm_up=None) -> None:
    """Fork `read_file(argv)` for each request on the channel, until the channel closes.

    `warm_up()` is run once, as soon as no request waits (the first file's reading process has
    been forked by then, and runs alongside on the other core), so that later forks start warm.
    """
    gc.freeze()  # the imported modules are shared with each fork: its collector need not walk (and copy) them
    channel = socket.socket(fileno=channel_fd)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # only to wake the loop: children are reaped below
    waiting: dict[int, int] = {}  # reading process pid -> its status socket
    events = selectors.DefaultSelector()
    events.register(channel, selectors.EVENT_READ)
    events.register(wake_r, selectors.EVENT_READ)
    while True:
        ready = events.select(0 if warm_up is not None else None)
        if not ready and warm_up is not None:
            _warm(warm_up)
            warm_up = None
            continue
        for key, _ in ready:
            if key.fileobj is channel:
                message, fds, _flags, _addr = socket.recv_fds(channel, _REQUEST_BYTES, _DESCRIPTORS)
                if not message:
                    return
                pid = _fork(read_file, message, fds, (channel.fileno(), wake_r, wake_w, *waiting.values()))
                if pid is not None:
                    waiting[pid] = fds[2]
            else:
                os.read(wake_r, 512)
        _reap(waiting)


def _warm(warm_up) -> None:
    try:
        warm_up()
    except Exception:  # noqa: BLE001 - only a slower start for each reading process: the starter still serves
        traceback.print_exc()
    gc.collect()
    gc.freeze()  # what the warm-up left is shared with each fork too


def _fork(read_file, message: bytes, fds: list[int], inherited: tuple[int, ...]) -> int | None:
    if len(fds) != _DESCRIPTORS:
        for fd in fds:
            os.close(fd)
        return None
    out, err, status = fds
    pid = os.fork()
    if pid == 0:
        _become_reader(read_file, message, out, err, status, inherited)
    os.close(out)
    os.close(err)
    _send(status, f"{pid}\n")
    return pid


def _become_reader(read_file, message: bytes, out: int, err: int, status: int, inherited: tuple[int, ...]) -> None:
    """In the fork: the starter's own descriptors and signal handling go, the request's pipes become stdout and stderr."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for fd in (status, *inherited):
        os.close(fd)
    os.dup2(out, 1)
    os.dup2(err, 2)
    os.close(out)
    os.close(err)
    code = 0
    try:
        read_file(message.decode("utf-8").split("\0"))
    except BaseException as error:  # noqa: BLE001 - as an uncaught exception ends a process: told on stderr, code 1
        code = 1
        os.write(2, type(error).__name__.encode("ascii", "replace") + b"\n")  # first: printing may need memory
        try:
            traceback.print_exc()
        except BaseException:  # noqa: BLE001
            pass
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _reap(waiting: dict[int, int]) -> None:
    while waiting:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        fd = waiting.pop(pid, None)
        if fd is not None:
            _send(fd, f"{os.waitstatus_to_exitcode(status)}\n")
            os.close(fd)


def _send(fd: int, text: str) -> None:
    try:
        os.write(fd, text.encode("ascii"))
    except OSError:  # the parent gave up on this reading process: nobody to tell
        pass


# --- the parent's side ---------------------------------------------------------------------------

class ReadingProcess:
    """A reading process forked by the starter, with what `subprocess.Popen` offers `pdf._wait`:
    `communicate(timeout)` (raising `subprocess.TimeoutExpired`), `kill()` and `returncode`."""

    def __init__(self, args: list[str], out: int, err: int, status: socket.socket):
        self.args = args
        self.returncode: int | None = None
        self.pid: int | None = None
        self._chunks: dict[int, list[bytes]] = {out: [], err: [], status.fileno(): []}
        self._out, self._err, self._status = out, err, status
        self._events = selectors.DefaultSelector()
        for fd in self._chunks:
            self._events.register(fd, selectors.EVENT_READ)

    def communicate(self, timeout: float | None = None) -> tuple[bytes, bytes]:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._events.get_map():
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready = self._events.select(remaining)
            if not ready and deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(self.args, timeout)
            for key, _ in ready:
                self._take(key.fd)
        self._events.close()
        status = b"".join(self._chunks[self._status.fileno()]).split()
        self._status.close()
        # No exit code: the starter itself ended (was killed) before it could tell; so did the reader.
        self.returncode = int(status[1]) if len(status) > 1 else -signal.SIGKILL
        return b"".join(self._chunks[self._out]), b"".join(self._chunks[self._err])

    def kill(self) -> None:
        while self.pid is None and self._status.fileno() in self._events.get_map():
            self._take(self._status.fileno())  # the pid is sent as soon as the process is forked
        if self.pid is not None and self.returncode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def _take(self, fd: int) -> None:
        data = os.read(fd, 1 << 16)
        if data:
            self._chunks[fd].append(data)
        else:
            self._events.unregister(fd)
            if fd != self._status.fileno():
                os.close(fd)
        if fd == self._status.fileno() and self.pid is None:
            words = b"".join(self._chunks[fd]).split(b"\n", 1)
            if len(words) > 1:
                self.pid = int(words[0])


class Starter:
    """The starter process, started on first use and again if it has ended."""

    def __init__(self, command: list[str]):
        self._command = command
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._channel: socket.socket | None = None
        self._owner = 0  # the pid that started it: a forked parent starts its own

    def start(self, args: list[str]) -> ReadingProcess:
        """A reading process running `pdf_reader.main(args)`; raises OSError if none can be started."""
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        status, status_there = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        message = "\0".join(args).encode("utf-8")
        try:
            with self._lock:
                try:
                    socket.send_fds(self._running(), [message], [out_w, err_w, status_there.fileno()])
                except OSError:  # the starter has ended: once more with a new one
                    self._stop()
                    socket.send_fds(self._running(), [message], [out_w, err_w, status_there.fileno()])
        except BaseException:
            for fd in (out_r, err_r):
                os.close(fd)
            status.close()
            raise
        finally:
            os.close(out_w)
            os.close(err_w)
            status_there.close()
        return ReadingProcess(args, out_r, err_r, status)

    def _running(self) -> socket.socket:
        if self._channel is not None and self._owner == os.getpid() and self._process.poll() is None:
            return self._channel
        self._stop()
        here, there = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self._process = subprocess.Popen([*self._command, "--serve", str(there.fileno())], pass_fds=(there.fileno(),),
                                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        finally:
            there.close()
        self._channel, self._owner = here, os.getpid()
        return here

    def _stop(self) -> None:
        if self._channel is not None:
            self._channel.close()  # the starter ends when its channel closes
        if self._process is not None and self._owner == os.getpid():
            try:
                self._process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._channel = self._process = None
