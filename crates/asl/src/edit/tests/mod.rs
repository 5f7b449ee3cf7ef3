mod document;
mod palette;
mod states;
mod text;
