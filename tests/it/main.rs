//! All black-box tests in one binary, so the application links once.
mod cli;
mod dermiq;
mod events;
mod openapi;
mod queue;
mod storage;
mod support;
