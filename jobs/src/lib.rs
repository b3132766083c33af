//! Background work: the analysis queue (apalis), the worker pipeline, the sweeper, object
//! storage, and the vision engine (`vision`: a pure module tree, pixels in, numbers and masks
//! out, no I/O).
pub mod allocator;
pub mod bench;
pub mod poll_interval;
pub mod queue;
pub mod storage;
pub mod submit;
pub mod sweeper;
pub mod vision;
pub mod worker;
