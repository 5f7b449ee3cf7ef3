//! Running a workflow is split off the page's first download (scripts/build-wasm.mjs cuts the
//! wasm at these functions): the executor and the glue of the mocks and JSONata arrive when a
//! run first needs them, or as soon as the first graph is drawn ([`preload`]), so the graph
//! does not wait for them. Natively (tests) they are plain calls.
//!
//! A module that fails to load (offline before the service worker kept it) is an `Err`, not a
//! crash, and is fetched again on the next call.

use std::future::Future;
use std::pin::Pin;

use leptos::wasm_split::{SplitLoaderError, wasm_split};

use asl::exec::Visit;
use serde_json::Value;

use super::{Response, session};
use crate::store::Store;

/// A run's work, started by awaiting it.
pub type Job = Pin<Box<dyn Future<Output = ()>>>;

/// [`session::run`], once its code is here. `preload` (generated) fetches the code alone.
#[wasm_split(run, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload))]
pub fn run(store: Store) -> Result<Job, SplitLoaderError> {
    Ok(Box::pin(session::run(store)))
}

/// [`session::resume`]: in the same module as `run`, loaded with it.
#[wasm_split(run, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn resume(store: Store, id: u64, response: Response) -> Result<Job, SplitLoaderError> {
    Ok(Box::pin(session::resume(store, id, response)))
}

/// A state's data-flow preview ([`super::preview::preview`]): in the same module as `run`.
pub type Preview = Pin<Box<dyn Future<Output = Result<Visit, String>>>>;

#[wasm_split(run, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn preview_state(store: Store, machine: Value, input: Value) -> Result<Preview, SplitLoaderError> {
    Ok(Box::pin(super::preview::preview(store, machine, input)))
}

/// [`super::recording::import`]: in the same module as `run`.
#[wasm_split(run, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn import(store: Store, text: String) -> Result<Job, SplitLoaderError> {
    Ok(Box::pin(super::recording::import(store, text)))
}

/// [`super::recording::play`]: in the same module as `run`.
#[wasm_split(run, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn play_recording(store: Store) -> Result<Job, SplitLoaderError> {
    Ok(Box::pin(super::recording::play(store)))
}

/// [`super::recording::replay`]: in the same module as `run`.
#[wasm_split(run, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn replay(store: Store) -> Result<Job, SplitLoaderError> {
    Ok(Box::pin(super::recording::replay(store)))
}
