//! Writing to standard output and standard error. `print!` panics when the reader has gone (`cicd rules | head
//! -1`: `head` exits after one line and closes the pipe, and the next write fails with
//! `EPIPE`); every command writes through [`print`] instead, which drops what the reader no
//! longer reads, as ripgrep does, so the command ends quietly. Its exit status stays what the
//! run found (1 when a checked file has an error), so `set -o pipefail` still sees it.

use std::fmt::Display;
use std::io::{ErrorKind, Write};

use anyhow::{Context, Result};

/// Writes `text` to standard output (and flushes it, so that a closed pipe is noticed here).
/// A reader that has closed the pipe is not an error; any other failure is.
pub(crate) fn print(text: impl Display) -> Result<()> {
    match write(&mut std::io::stdout().lock(), &text) {
        Err(err) if err.kind() == ErrorKind::BrokenPipe => Ok(()),
        result => result.context("cannot write to standard output"),
    }
}

fn write(out: &mut impl Write, text: &impl Display) -> std::io::Result<()> {
    write!(out, "{text}")?;
    out.flush()
}

/// [`print`] with a final newline.
pub(crate) fn println(text: impl Display) -> Result<()> {
    print(format_args!("{text}\n"))
}

/// Writes `text` and a newline to standard error, ignoring failures: a closed or full standard
/// error (`cicd check … 2>&-`) must not stop the command (`eprintln!` panics then).
pub(crate) fn eprintln(text: impl Display) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// [`eprintln`] without the newline.
pub(crate) fn eprint(text: impl Display) {
    let _ = write!(std::io::stderr().lock(), "{text}");
}
