mod document;
mod states;
mod text;
