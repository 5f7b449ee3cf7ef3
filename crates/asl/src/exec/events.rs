//! Recording history events, and ending the execution.

use std::sync::Arc;

use super::frames::FrameId;
use super::history::{ErrorDetails, EventKind, HistoryEvent};
use super::{Data, Execution, Outcome, Status};
use crate::errors::{Failure, RUNTIME};

impl Execution {
    /// Records an event for frame `f` (or for the execution itself), chaining it to the
    /// frame's previous event. Returns the event's id (the frame's last id for silent frames).
    pub(super) fn emit(&mut self, f: Option<FrameId>, kind: EventKind) -> u64 {
        if self.outcome.is_some() {
            return 0;
        }
        let previous = match f {
            Some(f) => {
                let frame = &self.frames[f.0];
                if frame.silent {
                    return frame.last_event;
                }
                frame.last_event
            }
            None => self.history.len() as u64,
        };
        let id = self.history.len() as u64 + 1;
        self.history.push(HistoryEvent { id, previous_event_id: previous, timestamp: self.now, kind });
        if let Some(f) = f {
            self.frames[f.0].last_event = id;
        }
        if let Some(limit) = self.history_limit {
            // Keep one event for ExecutionFailed itself.
            if self.history.len() + 1 >= limit {
                let failure = Failure::new(
                    RUNTIME,
                    format!(
                        "The execution reached the maximum number of history events ({limit}) that a STANDARD execution may have. Run it as EXPRESS, or split the work (for example with a Map state in DISTRIBUTED mode)."
                    ),
                );
                self.finish_failed(f, &failure);
            }
        }
        id
    }

    /// Ends the execution successfully.
    pub(super) fn finish_succeeded(&mut self, f: FrameId, output: Data) {
        self.emit(Some(f), EventKind::ExecutionSucceeded { output: Arc::clone(&output) });
        let output = Arc::unwrap_or_clone(output);
        self.end(Outcome { status: Status::Succeeded, output: Some(output), error: None, cause: None });
    }

    /// Ends the execution with a failure.
    pub(super) fn finish_failed(&mut self, f: Option<FrameId>, failure: &Failure) {
        if self.outcome.is_some() {
            return;
        }
        // Bypass `emit` so the limit check cannot recurse.
        let previous = f.map(|f| self.frames[f.0].last_event).unwrap_or(self.history.len() as u64);
        let id = self.history.len() as u64 + 1;
        let kind = EventKind::ExecutionFailed(ErrorDetails::of(failure));
        self.history.push(HistoryEvent { id, previous_event_id: previous, timestamp: self.now, kind });
        self.end(Outcome::from(failure));
    }

    pub(super) fn finish_timed_out(&mut self) {
        let failure = Failure::bare(crate::errors::TIMEOUT);
        let previous = self.history.len() as u64;
        let kind = EventKind::ExecutionTimedOut(ErrorDetails::of(&failure));
        self.history.push(HistoryEvent { id: previous + 1, previous_event_id: previous, timestamp: self.now, kind });
        self.end(Outcome { status: Status::TimedOut, output: None, error: Some(failure.error), cause: None });
    }

    pub(super) fn abort(&mut self, error: Option<String>, cause: Option<String>) {
        // Map Runs still going stop with the execution.
        let running: Vec<FrameId> = (0..self.frames.len())
            .filter(|&i| {
                let frame = &self.frames[i];
                frame.alive
                    && frame
                        .visit
                        .container
                        .as_ref()
                        .is_some_and(|c| matches!(c.kind, super::frames::ContainerKind::Map { run: Some(_), .. }))
            })
            .map(|i| FrameId(i, self.frames[i].generation))
            .collect();
        for f in running {
            self.emit(Some(f), EventKind::MapRunAborted);
        }
        let previous = self.history.len() as u64;
        let details = ErrorDetails { error: error.clone().unwrap_or_default(), cause: cause.clone() };
        self.history.push(HistoryEvent {
            id: previous + 1,
            previous_event_id: previous,
            timestamp: self.now,
            kind: EventKind::ExecutionAborted(Box::new(details)),
        });
        self.end(Outcome { status: Status::Aborted, output: None, error, cause });
    }

    /// Records the outcome and drops everything still scheduled.
    fn end(&mut self, outcome: Outcome) {
        self.outcome = Some(outcome);
        self.ready.clear();
        self.timers.clear();
        self.outbox.clear();
        self.tasks.clear();
        for frame in &mut self.frames {
            frame.alive = false;
        }
    }
}
