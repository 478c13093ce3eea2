//! Training programmes, whose sessions are TRAINING offers.

use app::ids;
use async_graphql::{Context, ID, InputObject, Object};

use super::super::enums::TrainingModality;
use super::super::objects::TrainingProgramme;
use super::{count, optional_text};
use crate::context::request;
use crate::error::{ApiResult, Located};

/// A new training programme (LHEO's "formation"), whose sessions are TRAINING offers.
#[derive(InputObject, Debug)]
pub struct CreateProgrammeInput {
    /// The operator (global id).
    pub operator_id: ID,
    /// The operator's own reference for the programme, unique per operator.
    pub reference: String,
    /// Title.
    pub title: String,
    /// What is learnt.
    pub objective: String,
    /// The certificate, diploma or attestation obtained.
    pub certification: Option<String>,
    /// How it is organised.
    pub modality: TrainingModality,
    /// Total length in hours.
    pub duration_hours: Option<i32>,
}

/// Writes to training programmes.
#[derive(Debug, Default)]
pub struct ProgrammeMutation;

/// Writes to training programmes.
#[Object]
impl ProgrammeMutation {
    /// Adds a training programme to an operator.
    async fn create_programme(
        &self,
        ctx: &Context<'_>,
        input: CreateProgrammeInput,
    ) -> ApiResult<TrainingProgramme> {
        let context = request(ctx);
        let programme = app::partners::programmes::ProgrammeInput {
            operator: ids::parse_operator_id(&input.operator_id, "operatorId").at("input")?,
            reference: input.reference,
            title: input.title,
            objective: input.objective,
            certification: optional_text(input.certification),
            modality: input.modality.into(),
            duration_hours: count("input.durationHours", input.duration_hours)?,
        };
        let programme =
            app::partners::programmes::create_programme(&context.app, &context.viewer, programme)
                .await
                .at("input")?;
        context.saw_write();
        Ok(TrainingProgramme(programme))
    }
}
