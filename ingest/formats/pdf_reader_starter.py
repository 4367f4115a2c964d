"""Starting reading processes warm: a process that has imported the PDF libraries forks one per file.

A reading process of its own per file is what bounds a hostile PDF (`pdf_reader`), but a new
Python process spends some 0.2 s importing PDFium and pdfminer before it reads a page: ten times
what reading an 18-page plan takes. So one starter process (`python -m
styrgraf.ingest.formats.pdf_reader --serve FD`) imports them once and forks a reading process for
each file; the fork is the same fresh process with the same limits (`pdf_reader.main` sets them in
the fork). The starter reads no file: only, once, a small document of its own (`pdf_warm_up`), so
that each fork starts with what a first read leaves done; and when idle it forks the next file's
reading process ahead, as a spare (`serve`).

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
from collections.abc import Iterator
from contextlib import contextmanager

_REQUEST_BYTES = 1 << 16
_DESCRIPTORS = 3  # stdout, stderr, status
_READY = b"ready"  # a spare's word to the starter: warm, waiting for its file


def serve(channel_fd: int, read_file, warm_up=None) -> None:
    """Fork `read_file(argv)` for each request on the channel, until the channel closes.

    `warm_up()` is run once, as soon as no request waits and no reading process runs, so that
    later forks start warm. Then, whenever the starter is idle again, it forks a spare: a reading
    process that runs `warm_up()` once more and waits for its file, so that the next file's
    reading process is forked, and has copied the pages its reading writes to, before the file is
    asked for. A spare has read no file but the starter's own document; it takes one file, as any
    fork does, and ends when the starter does.
    """
    gc.freeze()  # the imported modules are shared with each fork: its collector need not walk (and copy) them
    channel = socket.socket(fileno=channel_fd)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # only to wake the loop: children are reaped below
    # Ctrl-C reaches the whole process group: the parent handles it, and the starter ends when
    # the parent closes the channel (no traceback of its own on the user's terminal).
    take_interrupts(signal.SIG_IGN)
    waiting: dict[int, int] = {}  # reading process pid -> its status socket
    spare: _Spare | None = None
    warmed = warm_up is None
    wanted = False  # a spare, once idle: one for each file served (a spare that ends unused is not replaced)
    events = selectors.DefaultSelector()
    events.register(channel, selectors.EVENT_READ)
    events.register(wake_r, selectors.EVENT_READ)
    while True:
        idle = not waiting and (not warmed or (wanted and spare is None))
        ready = events.select(0 if idle else None)
        if not ready and idle:
            if not warmed:
                _warm(warm_up)
                warmed = wanted = True
            else:
                spare, wanted = _fork_spare(read_file, warm_up, (channel.fileno(), wake_r, wake_w)), False
            continue
        for key, _ in ready:
            if key.fileobj is channel:
                message, fds, _flags, _addr = socket.recv_fds(channel, _REQUEST_BYTES, _DESCRIPTORS)
                if not message:
                    return
                pid = spare.take(message, fds) if spare is not None else None
                if spare is not None and (pid is not None or spare.ended):
                    spare = None
                if pid is None:  # no spare, or one still warming up: a fork of the starter's own
                    inherited = (channel.fileno(), wake_r, wake_w, *waiting.values(), *([spare.fd] if spare else []))
                    pid = _fork(read_file, message, fds, inherited)
                if pid is not None:
                    waiting[pid] = fds[2]
                wanted = spare is None
            else:
                os.read(wake_r, 512)
        ended = _reap(waiting)
        if spare is not None and spare.pid in ended:  # ended before it had a file (killed?)
            spare.end()
            spare = None


def _warm(warm_up) -> None:
    try:
        warm_up()
    except Exception:  # noqa: BLE001 - only a slower start for each reading process: the starter still serves
        traceback.print_exc()
    gc.collect()
    gc.freeze()  # what the warm-up left is shared with each fork too


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Around the start of a reading process (or the starter): Ctrl-C held back from it, by the
    signal mask it inherits, until it sets its own handling (`take_interrupts`), so that it is
    never interrupted amid its imports with a traceback on the user's terminal. The caller's own
    Ctrl-C waits for those moments and is then delivered."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def take_interrupts(handling) -> None:
    """In a reading process or the starter: Ctrl-C handled by `handling` (`signal.SIG_IGN`, or
    `signal.SIG_DFL`: ended quietly, as the system ends a process) from now on, one held back
    since its start included."""
    signal.signal(signal.SIGINT, handling)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class _Spare:
    """A forked reading process waiting for its file on a socket of its own (`serve`).

    It says `_READY` on the socket once warm; until then a file goes to a fork of the starter's
    own (it would wait for the spare's warm-up otherwise)."""

    def __init__(self, pid: int, socket_here: socket.socket):
        self.pid = pid
        self.ended = False
        self._socket = socket_here
        self._ready = False

    @property
    def fd(self) -> int:
        return self._socket.fileno()

    def take(self, message: bytes, fds: list[int]) -> int | None:
        """Hand the request to the spare: its pid; None (nothing handed on) if it is not ready or has ended."""
        if len(fds) != _DESCRIPTORS or not self._is_ready():
            return None
        out, err, status = fds
        try:
            socket.send_fds(self._socket, [message], [out, err])
        except OSError:  # it has ended (killed?): the request goes to a new fork
            self.end()
            return None
        self.end()  # a spare takes one file
        os.close(out)
        os.close(err)
        _send(status, f"{self.pid}\n")
        return self.pid

    def _is_ready(self) -> bool:
        if not self._ready:
            try:
                said = self._socket.recv(len(_READY), socket.MSG_DONTWAIT)
            except BlockingIOError:
                return False
            except OSError:
                said = b""
            if said != _READY:  # it has ended
                self.end()
                return False
            self._ready = True
        return True

    def end(self) -> None:
        self.ended = True
        self._socket.close()  # a spare without its socket ends


def _fork_spare(read_file, warm_up, inherited: tuple[int, ...]) -> _Spare | None:
    try:
        here, there = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    except OSError:  # out of descriptors for now: the next file is forked as it comes
        return None
    try:
        pid = os.fork()
    except OSError:  # out of processes for now: likewise
        here.close()
        there.close()
        return None
    if pid == 0:
        _leave_starter((here.fileno(), *inherited))
        if warm_up is not None:
            # It only warms: the file is read all the same. Whatever it raises, a fork never
            # returns to the starter's loop.
            try:
                warm_up()
            except BaseException:  # noqa: BLE001
                traceback.print_exc()
        try:
            there.send(_READY)
            message, fds, _flags, _addr = socket.recv_fds(there, _REQUEST_BYTES, 2)
        except BaseException:  # noqa: BLE001
            os._exit(1)
        there.close()
        if not message or len(fds) != 2:  # the starter has ended without a file for it
            os._exit(0)
        _read_and_end(read_file, message, fds[0], fds[1])
    there.close()
    return _Spare(pid, here)


def _fork(read_file, message: bytes, fds: list[int], inherited: tuple[int, ...]) -> int | None:
    if len(fds) != _DESCRIPTORS:
        for fd in fds:
            os.close(fd)
        return None
    out, err, status = fds
    pid = os.fork()
    if pid == 0:
        _leave_starter((status, *inherited))
        _read_and_end(read_file, message, out, err)
    os.close(out)
    os.close(err)
    _send(status, f"{pid}\n")
    return pid


def _leave_starter(inherited: tuple[int, ...]) -> None:
    """In a fork: the starter's own descriptors and signal handling go; Ctrl-C ends a reading
    process as the system ends one, quietly."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    take_interrupts(signal.SIG_DFL)
    for fd in inherited:
        os.close(fd)


def _read_and_end(read_file, message: bytes, out: int, err: int) -> None:
    """In a fork: the request's pipes become stdout and stderr, the file is read, the process ends."""
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


def _reap(waiting: dict[int, int]) -> set[int]:
    """Collect every ended child; tell the parent the exit code of each it waits for. The pids collected."""
    ended = set()
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return ended
        if pid == 0:
            return ended
        ended.add(pid)
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

    def prepare(self) -> None:
        """Start the starter now if it is not running, without waiting for it: its imports then run
        beside the caller's own work (opening a store, listing files), not in the first file's read."""
        with self._lock:
            self._running()

    def _running(self) -> socket.socket:
        if self._channel is not None and self._owner == os.getpid() and self._process.poll() is None:
            return self._channel
        self._stop()
        here, there = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            with interrupts_held():
                self._process = subprocess.Popen([*self._command, "--serve", str(there.fileno())],
                                                 pass_fds=(there.fileno(),), stdin=subprocess.DEVNULL,
                                                 stdout=subprocess.DEVNULL)
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
