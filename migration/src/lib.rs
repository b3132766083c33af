//! Schema migrations (sea-orm-migration), run by `dermis migrate` and at start-up.
pub use sea_orm_migration::prelude::*;

mod m20261123_000001_event_store;
mod m20261123_000002_projections;
mod m20261123_000003_dashboard;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_event_store::Migration),
            Box::new(m20261123_000002_projections::Migration),
            Box::new(m20261123_000003_dashboard::Migration),
        ]
    }
}
