//! A faithful, deterministic interpreter for the Amazon States Language.
//!
//! Three phases, each usable alone:
//! - [`json`]: JSON text to a value plus the byte span of every node (tolerant of mistakes, so
//!   every syntax error is reported with its position);
//! - `model` + `validate`: the value to a typed state machine plus diagnostics in AWS's
//!   vocabulary;
//! - `exec`: a sans-IO stepper that the host drives (task answers, virtual time), producing a
//!   history shaped like AWS's GetExecutionHistory.
//!
//! The crate has no I/O and no web dependencies: it builds for native targets and for
//! `wasm32-unknown-unknown`.

pub mod definition;
pub mod diagnostics;
pub mod digest;
pub mod edit;
pub mod errors;
pub mod exec;
pub mod host;
pub mod intrinsics;
pub mod json;
pub mod mock_config;
pub mod model;
pub mod path;
pub mod recorded;
pub mod rng;
pub mod s3;
pub mod sort;
pub mod source;
pub mod span;
pub mod suite;
pub mod teststate;
pub mod timestamp;
pub mod validate;
pub mod yaml;

pub use definition::{Definition, load, load_value, load_yaml};
