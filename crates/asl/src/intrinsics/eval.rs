//! Evaluating a [`super::Call`].
