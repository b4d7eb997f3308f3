#!/usr/bin/env python3
# Copyright the multiimage authors. Licensed under the Apache License, Version 2.0.
"""The reference for the 'kconfig' command of the multiimage core CLI, run with Kconfiglib.

Same contract as the Java command:

  kconfig_reference.py [--env NAME=VALUE]... --config-out FILE --header-out FILE
                       [--warnings-out FILE] KCONFIG [FRAGMENT...]

run in the source tree root: parse KCONFIG with exactly the given environment, load the
first fragment (replace) and merge the others, write .config and autoconf.h with an empty
header, write the warnings one per line (backslash as \\, newline as \n) followed by the
assignment checks; exit 0. On a Kconfig error: the message on stderr, exit 1, no file.

  kconfig_reference.py --batch FILE

runs many cases in one process: FILE holds one JSON object per line with "cwd", "args",
and the files to receive "stdout", "stderr" and the "exit" code; "min", if not empty, also
receives the minimal configuration (write_min_config), which the Java API is compared with.
"""
import contextlib
import io
import json
import os
import sys
import traceback

import kconfiglib


def one_line(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def assignment_checks(kconf):
    lines = []
    for sym in kconf.unique_defined_syms:
        if sym.choice or sym.user_value is None:
            continue
        assigned = sym.user_value
        if sym.orig_type in (kconfiglib.BOOL, kconfiglib.TRISTATE):
            assigned = kconfiglib.TRI_TO_STR[assigned]
        if not any(node.prompt for node in sym.nodes):
            lines.append("assign-check: {} was assigned '{}' but has no prompt, so the assignment has no effect"
                         .format(sym.name, assigned))
        elif sym.str_value != assigned:
            lines.append("assign-check: {} was assigned '{}' but evaluated to '{}'"
                         .format(sym.name, assigned, sym.str_value))
    for choice in kconf.unique_choices:
        wanted = choice.user_selection
        if wanted is not None and wanted is not choice.selection:
            lines.append("assign-check: choice symbol {} was set to y but the choice selected {}"
                         .format(wanted.name, choice.selection.name if choice.selection else "nothing"))
    return lines


class Usage(Exception):
    pass


def parse_args(args):
    env, outs, positional = {}, {}, []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("--env", "--config-out", "--header-out", "--warnings-out"):
            if i + 1 >= len(args):
                raise Usage("option {} needs a value".format(arg))
            value = args[i + 1]
            i += 2
            if arg == "--env":
                name, sep, val = value.partition("=")
                if not sep or not name:
                    raise Usage("--env needs NAME=VALUE")
                env[name] = val
            else:
                outs[arg] = value
        elif arg.startswith("--"):
            raise Usage("unknown option " + arg)
        else:
            positional.append(arg)
            i += 1
    if "--config-out" not in outs or "--header-out" not in outs or not positional:
        raise Usage("--config-out, --header-out and KCONFIG are required")
    return env, outs, positional


def run(args, stderr, minimal=None):
    try:
        env, outs, positional = parse_args(args)
    except Usage as e:
        stderr.write("error: {}\n".format(e))
        return 2
    os.environ.clear()
    os.environ.update(env)
    try:
        kconf = kconfiglib.Kconfig(positional[0], warn_to_stderr=False)
        kconf.warn_assign_undef = True
        kconf.warn_assign_override = True
        kconf.warn_assign_redun = False
        for i, fragment in enumerate(positional[1:]):
            kconf.load_config(fragment, replace=(i == 0))
    except (kconfiglib.KconfigError, EnvironmentError) as e:
        stderr.write(str(e).strip() + "\n")
        return 1
    kconf.write_config(outs["--config-out"], header="", save_old=False)
    kconf.write_autoconf(outs["--header-out"], header="")
    lines = [one_line(w) for w in kconf.warnings + assignment_checks(kconf)]
    text = "".join(line + "\n" for line in lines)
    if "--warnings-out" in outs:
        with open(outs["--warnings-out"], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        stderr.write(text)
    if minimal:
        kconf.write_min_config(minimal, header="")
    return 0


def batch(path):
    with open(path, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    for case in cases:
        os.chdir(case["cwd"])
        stdout, stderr = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(stdout):
                code = run(case["args"], stderr, case.get("min"))
        except BaseException:
            stderr.write(traceback.format_exc())
            code = 3
        for key, text in (("stdout", stdout.getvalue()), ("stderr", stderr.getvalue()), ("exit", str(code))):
            with open(case[key], "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--batch":
        batch(sys.argv[2])
    else:
        sys.exit(run(sys.argv[1:], sys.stderr))
