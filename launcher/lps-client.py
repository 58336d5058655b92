"""The lps launcher's client of a resident lps JVM (examples: org.lps.app.daemon.Daemon).

Usage: lps-client.py SOCKET ARG...   Sends the working directory and the arguments, copies the daemon's
output frames to stdout and stderr as they come, and exits with the command's exit code. Exits with 75
(EX_TEMPFAIL) when the daemon is busy and 76 when there is none, printing nothing: the launcher then
runs a JVM itself.
Run with -I -S: no site packages, no environment, so it starts in a few milliseconds.

Usage: lps-client.py --retire SOCKET   Asks the daemon to exit if it is idle, to make room for another
directory's: exits 0 when it did, 75 when it is busy, 76 when there is none.
"""
import os
import socket
import struct
import sys

FALLBACK = 75
NO_DAEMON = 76


RETIRE = "\0retire"


def main(argv):
    if argv[1] == "--retire":
        # the daemon answers an exit code (0) or busy: the loop below reads either, and there is no output
        argv = [argv[0], argv[2], RETIRE]
    path = argv[1]
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(path)
    except OSError:
        return NO_DAEMON
    strings = [os.getcwd()] + argv[2:]
    request = [b"LPS1", struct.pack(">i", len(strings))]
    for text in strings:
        b = text.encode("utf-8", "surrogateescape")
        request.append(struct.pack(">i", len(b)))
        request.append(b)
    try:
        s.sendall(b"".join(request))
    except OSError:
        return FALLBACK
    f = s.makefile("rb")
    outputs = {ord("O"): sys.stdout.buffer, ord("E"): sys.stderr.buffer}
    wrote = False
    while True:
        try:
            head = f.read(5)
        except OSError:
            # reset: the daemon stopped under us (it halts when its previous client was killed mid-request)
            head = b""
        if len(head) < 5:
            if wrote:
                sys.stderr.write("lps: the resident lps process stopped before the command finished\n")
                return 1
            return FALLBACK
        kind, n = head[0], struct.unpack(">i", head[1:])[0]
        try:
            payload = f.read(n)
        except OSError:
            payload = b""
        if len(payload) < n:
            if wrote:
                sys.stderr.write("lps: the resident lps process stopped before the command finished\n")
                return 1
            return FALLBACK
        if kind == ord("X"):
            return struct.unpack(">i", payload)[0]
        if kind == ord("B"):
            return FALLBACK
        out = outputs.get(kind)
        if out is not None:
            out.write(payload)
            out.flush()
            wrote = True


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(141)
