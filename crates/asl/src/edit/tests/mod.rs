mod document;
mod fields;
mod palette;
mod rules;
mod states;
mod text;
