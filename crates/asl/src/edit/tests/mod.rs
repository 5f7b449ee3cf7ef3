mod document;
mod fields;
mod palette;
mod states;
mod text;
