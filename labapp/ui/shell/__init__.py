"""The main window (menus, navigation, the stack of pages), Open database and Preferences."""
