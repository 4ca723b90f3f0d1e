// Placeholder: the SMTP client lands here.
