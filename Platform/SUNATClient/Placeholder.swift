// Placeholder: replaced by the SUNATClient work.
