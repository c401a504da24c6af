"""Excel, XML (DCC) and PDF formats: readers and writers, no Qt."""
