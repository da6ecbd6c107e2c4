//! The integration tests, one binary: each module is the tests of one part of the crate,
//! `common` the helpers they share, `fuzz_corpus` the replay of the committed fuzz corpus
//! through the fuzz targets' oracles. (`tests/memory.rs` counts allocations with a global
//! allocator of its own: a binary of its own.)

#[macro_use]
mod common;

mod conformance;
mod cover_url_oracle;
mod example_cli;
#[cfg(feature = "arbitrary")]
mod fuzz_corpus;
mod input_url;
mod prop_values;
mod prop_wire;
mod properties;
mod register;
mod request;
mod responses;
mod sdk_register;
mod sdk_requests;
mod serde_json;
mod service;
mod shrinking;
mod update;
mod values_ids;
mod values_text;
