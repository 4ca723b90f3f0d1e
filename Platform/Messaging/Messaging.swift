// Placeholder: WhatsApp Cloud API and Twilio clients land here.
