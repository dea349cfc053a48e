"""Load test of the HTTP service (issue 20): many requests, many clients at once, local only.

Run: ``python benchmarks/bench_tjeneste.py [--antall 2000] [--samtidige 50] [--workers 1]
[--json FILE]``. It starts ``sosialregler serve`` on a free port of 127.0.0.1, sends
``--antall`` ``POST /vurder`` requests (the example cases in turn) from ``--samtidige`` clients
at once (httpx, one event loop), and prints a Markdown table: errors (any status but 200, or
a transport error; the target is zero), throughput, latency p50/p99, and the server's memory
(RSS of the server and its workers, from /proc: Linux only) after start, after a warm-up and
after each quarter of the run, so a leak would show as a rising column. Every answer is
compared with the library's own JSON for its case. A measurement, not a test: the suite never
fails on speed. Bounded: at most 100 000 requests, never to another host.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROT = Path(__file__).resolve().parent.parent
EKSEMPLER = sorted((ROT / "examples").glob("*.json"))
MAKS_ANTALL = 100_000


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _barn(pid: int) -> list[int]:
    barn = []
    for sti in Path("/proc").iterdir():
        if not sti.name.isdigit():
            continue
        try:
            felt = (sti / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(felt[1]) == pid:
            barn.append(int(sti.name))
    return barn


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (uvicorn's workers), in MB."""
    total = 0
    for p in (pid, *_barn(pid)):
        try:
            for linje in Path(f"/proc/{p}/status").read_text().splitlines():
                if linje.startswith("VmRSS:"):
                    total += int(linje.split()[1])
        except OSError:
            continue
    return total / 1024


def _persentil(verdier: list[float], p: float) -> float:
    ordnet = sorted(verdier)
    return ordnet[min(len(ordnet) - 1, round(p / 100 * (len(ordnet) - 1)))]


async def _last(url: str, antall: int, samtidige: int, pid: int) -> dict[str, Any]:
    import httpx

    kropper = [f.read_bytes() for f in EKSEMPLER]
    forventet = []
    async with httpx.AsyncClient(base_url=url, timeout=300) as k:
        for kropp in kropper:  # the expected answer per case, and a warm-up of the server
            svar = await k.post(
                "/vurder", content=kropp, headers={"content-type": "application/json"}
            )
            forventet.append(svar.content)
    for_last = rss_mb(pid)
    ventetider: list[float] = []
    feil: list[str] = []
    rss: list[float] = []
    neste = 0
    kvart = max(antall // 4, 1)

    async def klient(k: httpx.AsyncClient) -> None:
        nonlocal neste
        while neste < antall:
            i = neste
            neste += 1
            start = time.perf_counter()
            try:
                svar = await k.post(
                    "/vurder",
                    content=kropper[i % len(kropper)],
                    headers={"content-type": "application/json"},
                )
                if svar.status_code != 200:
                    feil.append(f"{svar.status_code}")
                elif svar.content != forventet[i % len(kropper)]:
                    feil.append("feil svar")
            except httpx.HTTPError as exc:
                feil.append(type(exc).__name__)
            ventetider.append(time.perf_counter() - start)
            if (i + 1) % kvart == 0:
                rss.append(rss_mb(pid))

    grenser = httpx.Limits(max_connections=samtidige, max_keepalive_connections=samtidige)
    start = time.perf_counter()
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=grenser) as k:
        await asyncio.gather(*(klient(k) for _ in range(samtidige)))
    varighet = time.perf_counter() - start
    return {
        "antall": antall,
        "samtidige": samtidige,
        "feil": len(feil),
        "feiltyper": sorted(set(feil)),
        "sekunder": round(varighet, 2),
        "per_sekund": round(antall / varighet, 1),
        "p50_ms": round(_persentil(ventetider, 50) * 1000, 1),
        "p99_ms": round(_persentil(ventetider, 99) * 1000, 1),
        "snitt_ms": round(statistics.fmean(ventetider) * 1000, 1),
        "rss_etter_oppvarming_mb": round(for_last, 1),
        "rss_per_kvart_mb": [round(x, 1) for x in rss],
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--antall", type=int, default=2000)
    p.add_argument("--samtidige", type=int, default=50)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--trader", type=int, help="serve --trader (standard: tjenestens)")
    p.add_argument("--json", metavar="FIL")
    args = p.parse_args()
    if not 1 <= args.antall <= MAKS_ANTALL or not 1 <= args.samtidige <= 1000:
        p.error(f"--antall 1–{MAKS_ANTALL}, --samtidige 1–1000")
    port = _ledig_port()
    url = f"http://127.0.0.1:{port}"
    prosess = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sosialregler",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            *(["--trader", str(args.trader)] if args.trader else []),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import httpx

        frist = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/helse", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if prosess.poll() is not None or time.monotonic() > frist:
                print("tjenesten startet ikke", file=sys.stderr)
                return 1
            time.sleep(0.2)
        time.sleep(1.0)  # every worker up
        ved_start = rss_mb(prosess.pid)
        resultat = asyncio.run(_last(url, args.antall, args.samtidige, prosess.pid))
    finally:
        prosess.send_signal(signal.SIGINT)
        try:
            prosess.wait(30)
        except subprocess.TimeoutExpired:
            prosess.kill()
            prosess.wait()
    resultat = {
        "workers": args.workers,
        "trader": args.trader,
        "rss_ved_start_mb": round(ved_start, 1),
        **resultat,
        "maskin": f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPU",
    }
    r = resultat
    print(
        f"## sosialregler serve: {r['antall']} × POST /vurder, {r['samtidige']} samtidige, "
        f"{r['workers']} worker(e), trader {r['trader'] or 'standard (2)'} ({r['maskin']})\n"
    )
    print(
        "| feil | sekunder | forespørsler/s | p50 ms | p99 ms | RSS start MB | "
        "RSS etter oppvarming MB | RSS per kvart MB |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {r['feil']} | {r['sekunder']} | {r['per_sekund']} | {r['p50_ms']} | "
        f"{r['p99_ms']} | {r['rss_ved_start_mb']} | {r['rss_etter_oppvarming_mb']} | "
        f"{' → '.join(map(str, r['rss_per_kvart_mb']))} |"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(resultat, indent=2) + "\n", "utf-8")
    return 0 if r["feil"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
