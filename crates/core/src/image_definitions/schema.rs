//! The keys of an image definitions entry, after CodePipeline's "Image definitions file
//! reference": `name` and `imageUri`, both required. The reference spells them this way and
//! says nothing of other spellings, so a key in another case is a warning (IMG005) and still
//! counts as the key.

use super::rules;
use crate::schema::{MapSchema, SchemaRules, Ty, map_any_case, required};

pub(crate) static RULES: SchemaRules = SchemaRules {
    unknown_key: &rules::unknown_image_definition_key::RULE,
    wrong_type: &rules::invalid_image_definition_type::RULE,
    scalar_for_list: &rules::invalid_image_definition_type::RULE,
};

/// One entry of the list.
pub(crate) static ENTRY: MapSchema = map_any_case(
    &[
        required(
            "name",
            Ty::Str,
            &rules::missing_image_definition_key::RULE,
            "the name of the container in the service's task definition whose image the deployment replaces",
        ),
        required(
            "imageUri",
            Ty::Str,
            &rules::missing_image_definition_key::RULE,
            "the image to run in that container: a repository URI with its tag or digest",
        ),
    ],
    &rules::image_definition_key_case::RULE,
);
