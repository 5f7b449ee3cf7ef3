//! Test suites: cases that run a state machine with given inputs and mocks, and expectations
//! on how each run ends, which states it entered and what they did; and the coverage of the
//! machine that the runs reached together. The engine part has no I/O: a suite's paths
//! (definition, mocks, inputs, S3 folder) are resolved by the host (`asl test`, the page).
//!
//! - [`read`] a suite's text (YAML or JSON) to a [`Suite`], every error with its line;
//! - [`check_references`] the state names it uses against the machine;
//! - [`CaseMocks`] a case's inline answers, before any other mock;
//! - [`check`] (or [`check_run`]) one case's expectations against a run: a [`CaseResult`];
//! - [`Coverage`] what the runs exercised, and its [`CoverageReport`];
//! - [`from_mock_config`], [`case_from_run`], [`add_case`], [`to_text`]: suites from what
//!   people have.
//!
//! The format is described for users in `docs/test-suites.md`.

mod bundle;
mod check;
mod convert;
mod coverage;
mod coverage_text;
mod diff;
mod expect;
mod mocks;
mod model;
mod read;
mod reader;
mod references;
mod suggest;
#[cfg(test)]
mod tests;
mod text;

pub use bundle::bundle;
pub use check::{CaseResult, ExpectationFailure, RunView, check, check_run};
pub use convert::{case_from_run, from_mock_config};
pub use coverage::{Coverage, CoverageReport, Kind, RetryItem, StateItem, TransitionItem};
pub use diff::{Difference, contains, diff, equal, subset_diff};
pub use mocks::CaseMocks;
pub use model::{
    At, Case, CaseInput, Expect, Expectation, MockAnswer, Mocks, Pos, Source, StateCheck, Suite, VisitPick,
};
pub use read::read;
pub use reader::SuiteError;
pub use references::check_references;
pub use suggest::closest;
pub use text::{add_case, to_text};
