#!/usr/bin/env python3
"""Splits a CPU profile of a loopback benchmark into the parts of a round trip.

Needs nothing but python3's standard library.

    python3 benchmarks/scripts/cpu-by-part.py --calls 12604 PROFILE [--calls N PROFILE ...]

Each PROFILE is async-profiler's collapsed output of one fork (JMH's
`-prof "async:...;output=collapsed;event=cpu;interval=1000000"`: one sample per
millisecond of CPU), and --calls the number of calls that fork measured (the sample
count of a sample-time run). A sample belongs to the first part whose frames its stack
contains, in the order of PARTS, so each sample is counted once. The script prints, per
part, the CPU time per call in microseconds.
"""

import argparse

# (part, frames that mark it); the first part that matches a stack takes the sample
PARTS = [
    ("floor server", ("HttpServerOperations", "FloorServer", "HttpTrafficHandler")),
    ("client's HTTP exchange", ("HttpClientOperations", "PooledConnectionProvider", "HttpClientConnect")),
    ("completion worker", ("DeliveryWorker", "AsyncCompletionDispatcher")),
    ("caller's thread", ("jmh_generated", "LoopbackBenchmark")),
    ("JIT compiler", ("CompileBroker",)),
    ("garbage collector", ("G1", "GCTask")),
    ("event loops waiting (epoll_wait)", ("epollWait",)),
]


def split(path):
    parts = dict.fromkeys([name for name, _ in PARTS] + ["other"], 0)
    with open(path, encoding="utf-8") as profile:
        for line in profile:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            for name, frames in PARTS:
                if any(frame in stack for frame in frames):
                    parts[name] += int(count)
                    break
            else:
                parts["other"] += int(count)
    return parts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, action="append", required=True,
                        help="calls measured in the fork, one per profile")
    parser.add_argument("profiles", nargs="+")
    args = parser.parse_intermixed_args()
    if len(args.calls) != len(args.profiles):
        parser.error("give one --calls for each profile")
    splits = [split(path) for path in args.profiles]
    print("| part | " + " | ".join(args.profiles) + " |")
    print("| --- |" + " ---: |" * len(args.profiles))
    for name in list(splits[0]):
        cells = ["%.0f µs" % (parts[name] * 1000 / calls) for parts, calls in zip(splits, args.calls)]
        print("| %s | %s |" % (name, " | ".join(cells)))
    totals = ["**%.0f µs**" % (sum(parts.values()) * 1000 / calls) for parts, calls in zip(splits, args.calls)]
    print("| all CPU per call | %s |" % " | ".join(totals))


if __name__ == "__main__":
    main()
