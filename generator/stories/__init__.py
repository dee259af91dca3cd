"""Stories: analysed articles grouped into stories, each composed into a Story; hubs across stories."""
