//! The integration tests, one binary: each module is the tests of one part of the crate,
//! `common` the helpers they share. (`tests/memory.rs` counts allocations with a global
//! allocator of its own, and `tests/fuzz_corpus.rs` replays the fuzz corpus, which stays in
//! the repository: those two are binaries of their own.)

#[macro_use]
mod common;

mod conformance;
mod cover_url_oracle;
mod example_cli;
mod input_url;
mod prop_values;
mod prop_wire;
mod properties;
mod request;
mod responses;
mod sdk_requests;
mod serde_json;
mod service;
mod update;
mod values_ids;
mod values_text;
