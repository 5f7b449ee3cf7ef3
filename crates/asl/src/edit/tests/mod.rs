mod document;
mod fields;
mod palette;
mod recovery;
mod rules;
mod states;
mod text;
