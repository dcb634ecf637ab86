//! SIGINT and SIGTERM (CLI.md): a run they stop exits 130 / 143 with stdout flushed and the
//! reports asked for printed.
//!
//! The binary calls [`install`] first thing: the two signals are blocked in the main thread
//! (so in every thread started later) and a watcher thread reads them from a signalfd. It
//! sets the VM's `INTERRUPT` flag, which the interpreter checks at each call and backward
//! jump (and `readLine()` while it waits, see [`InterruptibleStdin`]); the trap unwinds to
//! the command line, which asks [`received`] what stopped it. While the REPL waits for a line
//! nothing can unwind, so a signal that ends the session exits at once from the watcher.
//! No handler runs in signal context, and none of this needs unsafe code.

use std::io::Read;
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicI32, AtomicU8, Ordering};

use nix::errno::Errno;
use nix::poll::{poll, PollFd, PollFlags};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::SignalFd;

use super::ExitCode;
use crate::vm::interp::INTERRUPT;

/// The signal that asked the run to end (0: none).
static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// What the main thread is doing, for the watcher: [`RUNNING`], [`WAITING`] or [`EDITING`].
static STATE: AtomicU8 = AtomicU8::new(RUNNING);
/// Running code (or compiling): a signal interrupts it and the main thread unwinds.
const RUNNING: u8 = 0;
/// The piped REPL waits for its next line: either signal ends the session now.
const WAITING: u8 = 1;
/// The terminal REPL edits a line: Ctrl-C is a key there; SIGTERM ends the session now.
const EDITING: u8 = 2;

/// Blocks SIGINT and SIGTERM and starts the thread that watches for them. Call it before
/// any other thread starts. False (and the default dispositions kept) if that fails.
pub fn install() -> bool {
    let mut mask = SigSet::empty();
    mask.add(Signal::SIGINT);
    mask.add(Signal::SIGTERM);
    let Ok(fd) = SignalFd::new(&mask) else {
        return false;
    };
    if mask.thread_block().is_err() {
        return false;
    }
    let watcher = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || watch(&fd));
    if watcher.is_err() {
        let _ = mask.thread_unblock();
        return false;
    }
    true
}

fn watch(fd: &SignalFd) {
    loop {
        let signo = match fd.read_signal() {
            Ok(Some(info)) => info.ssi_signo as i32,
            Ok(None) | Err(Errno::EINTR) => continue,
            Err(_) => return,
        };
        let status = if signo == Signal::SIGTERM as i32 {
            ExitCode::Terminated
        } else {
            ExitCode::Interrupted
        };
        match STATE.load(Ordering::SeqCst) {
            WAITING => std::process::exit(status as i32),
            EDITING if status == ExitCode::Terminated => std::process::exit(status as i32),
            EDITING => {}
            _ => {
                // A SIGTERM is not overwritten by a later SIGINT.
                let _ = RECEIVED.compare_exchange(0, signo, Ordering::SeqCst, Ordering::SeqCst);
                if signo == Signal::SIGTERM as i32 {
                    RECEIVED.store(signo, Ordering::SeqCst);
                }
                INTERRUPT.store(true, Ordering::SeqCst);
            }
        }
    }
}

/// The exit status of the signal that stopped the run, if one did; forgets it.
pub fn received() -> Option<ExitCode> {
    match RECEIVED.swap(0, Ordering::SeqCst) {
        0 => None,
        s if s == Signal::SIGTERM as i32 => Some(ExitCode::Terminated),
        _ => Some(ExitCode::Interrupted),
    }
}

/// The main thread runs code (a signal interrupts it).
pub fn running() {
    STATE.store(RUNNING, Ordering::SeqCst);
}

/// The piped REPL waits for input: a signal ends the process at once.
pub fn waiting() {
    STATE.store(WAITING, Ordering::SeqCst);
}

/// The terminal REPL edits a line (Ctrl-C is a key): SIGTERM ends the process at once.
pub fn editing() {
    STATE.store(EDITING, Ordering::SeqCst);
}

/// Standard input for `readLine()`, read so that Ctrl-C (the VM's `INTERRUPT`) stops a read
/// that waits: it polls the descriptor and reads it directly (no buffer of std's in
/// between, so nothing read is lost to another reader). An interrupted read is an error
/// (not `ErrorKind::Interrupted`, which `read_until` would retry) with `INTERRUPT` still set.
#[derive(Debug, Default)]
pub struct InterruptibleStdin;

impl Read for InterruptibleStdin {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let stdin = std::io::stdin();
        let fd = stdin.as_fd();
        loop {
            if INTERRUPT.load(Ordering::SeqCst) {
                return Err(std::io::Error::other("interrupted"));
            }
            let mut fds = [PollFd::new(fd, PollFlags::POLLIN)];
            match poll(&mut fds, 100u16) {
                Ok(0) | Err(Errno::EINTR) => continue,
                // Readable, at its end, or in error: the read says which.
                Ok(_) | Err(_) => {}
            }
            return match nix::unistd::read(fd, buf) {
                Ok(n) => Ok(n),
                Err(Errno::EINTR | Errno::EAGAIN) => continue,
                Err(e) => Err(std::io::Error::from(e)),
            };
        }
    }
}
