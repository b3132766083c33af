//! All black-box tests in one binary, so the application links once.
mod browser;
mod cli;
mod dashboard;
mod dermiq;
mod events;
mod openapi;
mod peers;
mod queue;
mod quickstarts;
mod shade;
mod skinn;
mod storage;
mod stripe_fake;
mod support;
mod web_client;
