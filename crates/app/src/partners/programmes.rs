//! Training programmes (LHEO's "formation"), whose sessions are offers.

use domain::offer::{NewProgramme, TrainingModality, TrainingProgramme};
use domain::operator::OperatorId;
use domain::revision::AuditedObject;

use super::{actor, authorise_edit};
use crate::viewer::Viewer;
use crate::{App, AppResult};

/// A programme as a partner writes it.
#[derive(Debug, Clone)]
pub struct ProgrammeInput {
    pub operator: OperatorId,
    /// The operator's own reference, unique per operator.
    pub reference: String,
    pub title: String,
    pub objective: String,
    pub certification: Option<String>,
    pub modality: TrainingModality,
    pub duration_hours: Option<u32>,
}

/// Adds a training programme to an operator.
pub async fn create_programme(
    app: &App,
    viewer: &Viewer,
    input: ProgrammeInput,
) -> AppResult<TrainingProgramme> {
    authorise_edit(app, viewer, AuditedObject::Operator, input.operator.0).await?;
    let new = NewProgramme::parse(
        input.operator,
        &input.reference,
        &input.title,
        &input.objective,
        input.certification.as_deref(),
        input.modality,
        input.duration_hours,
    )?;
    let programme = app.store().create_programme(&actor(viewer), new).await?;
    app.after_write().await;
    Ok(programme)
}
