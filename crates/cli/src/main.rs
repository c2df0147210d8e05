//! The `cicd` binary: [`cicd_cli::run`] with the process's arguments.

use std::process::ExitCode;

fn main() -> ExitCode {
    cicd_cli::run(std::env::args_os())
}
